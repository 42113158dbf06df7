import * as fs from 'fs';
import * as path from 'path';
import { BATCH_SPEC, botocoreDataDir, extract, LOGS_SPEC, OUTPUT_DIR } from './extract-service-model';
import { BATCH_MODEL } from '../../../../src/runtime/api/service-model/batch-model.generated';

const dataDir = botocoreDataDir();

describe('the generated service models', () => {
  // The models come from the botocore on the machine image (the AWS CLI and boto3 tests need it too).
  test.each([BATCH_SPEC, LOGS_SPEC])('$file matches a fresh extraction from botocore (regenerate with extract-service-model.ts)', (spec) => {
    // GIVEN
    expect(dataDir).toBeDefined();

    // WHEN
    const fresh = extract(spec, dataDir!);

    // THEN
    expect(fs.readFileSync(path.join(OUTPUT_DIR, spec.file), 'utf8')).toBe(fresh);
  });

  test('PLAT-5: every implemented operation keeps its input and output shapes; the others are routes only', () => {
    // THEN
    for (const operation of BATCH_SPEC.implemented) {
      expect(BATCH_MODEL.operations[operation].input).toBeDefined();
      expect(BATCH_MODEL.operations[operation].output).toBeDefined();
    }
    expect(BATCH_MODEL.shapes.JobDetail.required).toContain('jobName');
    expect(BATCH_MODEL.operations.CreateQuotaShare).toEqual({ method: 'POST', requestUri: '/v1/createquotashare' });
  });
});
