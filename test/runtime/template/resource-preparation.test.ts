import { notModelledTypeReason } from '../../../src/runtime/template/resource-preparation';

describe('notModelledTypeReason', () => {
  test('CFN-6: Batch resource types the runtime does not model have a reason; the modelled ones and other services have none', () => {
    expect(notModelledTypeReason('AWS::Batch::SchedulingPolicy')).toBeUndefined(); // FS-1: modelled
    expect(notModelledTypeReason('AWS::Batch::ConsumableResource')).toBeUndefined(); // PLAT-4: modelled
    expect(notModelledTypeReason('AWS::Batch::QuotaShare')).toMatch(/quota shares are not modelled/);
    expect(notModelledTypeReason('AWS::Batch::SomethingNew')).toBe('AWS::Batch::SomethingNew is newer than the local runtime');
    expect(notModelledTypeReason('AWS::Batch::JobQueue')).toBeUndefined();
    expect(notModelledTypeReason('AWS::SNS::Topic')).toBeUndefined();
  });
});
