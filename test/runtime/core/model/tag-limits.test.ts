import { mergeTags, validateTagKey, validateTags } from '../../../../src/runtime/core/model/tag-limits';

describe('tag limits (service model TagrisTagsMap)', () => {
  test('keys of 1..128 characters, values of at most 256, the aws: prefix reserved in any case', () => {
    expect(() => validateTags('tags', { k: 'v'.repeat(256) })).not.toThrow();
    expect(() => validateTags('tags', { k: 'v'.repeat(257) })).toThrow('tags.k');
    expect(() => validateTagKey('tagKeys[0]', '')).toThrow('a tag key of 1..128 characters');
    expect(() => validateTagKey('tagKeys[0]', 'AWS:x')).toThrow('reserved for AWS');
    expect(() => validateTags('tags', ['a'])).toThrow('a map of tag keys to values');
  });

  test('merging keeps existing tags, replaces equal keys, and refuses a 51st', () => {
    expect(mergeTags('tags', { a: '1', b: '2' }, { b: '3' })).toEqual({ a: '1', b: '3' });
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect(() => mergeTags('tags', fifty, { more: 'x' })).toThrow('the resource has 50, the request would make 51');
  });
});
