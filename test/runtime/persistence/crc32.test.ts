import { crc32 } from '../../../src/runtime/persistence/crc32';

describe('crc32', () => {
  test('#11 §3: the checksum is 8 hex digits, stable, and changes with any character', () => {
    expect(crc32('')).toBe('00000000');
    expect(crc32('{"k":"req"}')).toMatch(/^[0-9a-f]{8}$/);
    expect(crc32('{"k":"req"}')).toBe(crc32('{"k":"req"}'));
    expect(crc32('{"k":"req"}')).not.toBe(crc32('{"k":"reg"}'));
    expect(crc32('é')).not.toBe(crc32('è'));
  });
});
