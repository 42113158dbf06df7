import { EFA_DEVICE_PATH, GUIDE_EFA_INSTANCE_TYPES, KNOWN_EFA_INSTANCE_TYPES } from '../../src/instance-catalog/efa-instance-types';

/** `family.size`, e.g. `c5n.18xlarge`, `p6-b200.48xlarge`, `u7i-12tb.224xlarge`, `c5n.metal`. */
const INSTANCE_TYPE_NAME = /^[a-z][a-z0-9-]*\.(metal|metal-\d+xl|\d*x?large)$/;

describe('known EFA instance types', () => {
  test('CE-6: every size of the user guide\'s EFA list is known', () => {
    // GIVEN the guide's list
    // WHEN / THEN
    expect(GUIDE_EFA_INSTANCE_TYPES).toEqual([
      'c5n.18xlarge', 'c5n.metal', 'i3en.24xlarge', 'm5dn.24xlarge', 'm5n.24xlarge', 'r5dn.24xlarge', 'r5n.24xlarge', 'p3dn.24xlarge',
    ]);
    GUIDE_EFA_INSTANCE_TYPES.forEach((type) => expect(KNOWN_EFA_INSTANCE_TYPES.has(type)).toBe(true));
  });

  test.each([
    // One size per current EFA generation of the EC2 list (DescribeInstanceTypes, network-info.efa-supported).
    'c7gn.16xlarge', 'c8gn.48xlarge', 'hpc7g.4xlarge', 'hpc7a.12xlarge', 'hpc8a.96xlarge', 'm7i.48xlarge', 'm8g.48xlarge',
    'r7iz.32xlarge', 'r8g.48xlarge', 'x2iedn.32xlarge', 'u7in-32tb.224xlarge', 'i7ie.48xlarge', 'i8g.48xlarge', 'g6e.48xlarge',
    'p5.4xlarge', 'p5en.48xlarge', 'p6-b200.48xlarge', 'trn2.48xlarge', 'inf1.24xlarge',
    // Bare-metal sizes of the EC2 User Guide.
    'c6i.metal', 'm6id.metal', 'r6a.metal', 'i4i.metal', 'x2iezn.metal',
  ])('CE-6: %s (EC2 list) is known', (type) => {
    // GIVEN / WHEN / THEN
    expect(KNOWN_EFA_INSTANCE_TYPES.has(type)).toBe(true);
  });

  test.each([
    // Smaller sizes of EFA families have no EFA; c6a/m6a.32xlarge do not either, though an old EC2 page listed them.
    'c5n.4xlarge', 'c5.24xlarge', 'm5.24xlarge', 'g4dn.4xlarge', 'p3.16xlarge', 'c6a.32xlarge', 'm6a.32xlarge', 'optimal',
  ])('CE-6: %s (no EFA) is not known', (type) => {
    // GIVEN / WHEN / THEN
    expect(KNOWN_EFA_INSTANCE_TYPES.has(type)).toBe(false);
  });

  test('CE-6: every entry is an instance size name, never a family', () => {
    // GIVEN / WHEN
    const malformed = [...KNOWN_EFA_INSTANCE_TYPES].filter((type) => !INSTANCE_TYPE_NAME.test(type));

    // THEN
    expect(malformed).toEqual([]);
    expect(KNOWN_EFA_INSTANCE_TYPES.size).toBeGreaterThan(200);
  });

  test('CE-6: jobs map the EFA device /dev/infiniband/uverbs0', () => {
    // GIVEN / WHEN / THEN
    expect(EFA_DEVICE_PATH).toBe('/dev/infiniband/uverbs0');
  });
});
