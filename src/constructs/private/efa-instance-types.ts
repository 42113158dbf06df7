/**
 * Instance sizes with an Elastic Fabric Adapter (CE-6). The user guide's list, then a selection
 * of later EFA sizes from the EC2 documentation. It is not exhaustive: a size missing here is
 * reported as a warning, not an error.
 */
export const GUIDE_EFA_INSTANCE_TYPES: readonly string[] = [
  'c5n.18xlarge', 'c5n.metal', 'i3en.24xlarge', 'm5dn.24xlarge', 'm5n.24xlarge', 'r5dn.24xlarge', 'r5n.24xlarge',
  'p3dn.24xlarge',
];

const LATER_EFA_INSTANCE_TYPES: readonly string[] = [
  'c5n.9xlarge', 'c6gn.16xlarge', 'c6i.32xlarge', 'c6in.32xlarge', 'c6a.48xlarge', 'c7g.16xlarge', 'c7gn.16xlarge',
  'c7i.48xlarge', 'c7a.48xlarge', 'g4dn.8xlarge', 'g4dn.12xlarge', 'g4dn.16xlarge', 'g4dn.metal', 'g5.8xlarge',
  'g5.12xlarge', 'g5.16xlarge', 'g5.24xlarge', 'g5.48xlarge', 'g6.8xlarge', 'g6.48xlarge', 'hpc6a.48xlarge',
  'hpc6id.32xlarge', 'hpc7a.96xlarge', 'hpc7g.16xlarge', 'i3en.metal', 'i4i.32xlarge', 'm5dn.metal', 'm5n.metal',
  'm5zn.12xlarge', 'm6i.32xlarge', 'm6a.48xlarge', 'm7g.16xlarge', 'm7i.48xlarge', 'm7a.48xlarge', 'p4d.24xlarge',
  'p4de.24xlarge', 'p5.48xlarge', 'r5dn.metal', 'r5n.metal', 'r6i.32xlarge', 'r7g.16xlarge', 'r7i.48xlarge',
  'trn1.32xlarge', 'trn1n.32xlarge',
];

export const KNOWN_EFA_INSTANCE_TYPES: ReadonlySet<string> = new Set([...GUIDE_EFA_INSTANCE_TYPES, ...LATER_EFA_INSTANCE_TYPES]);

/** The device an EFA job maps into its container (CE-6). */
export const EFA_DEVICE_PATH = '/dev/infiniband/uverbs0';
