/**
 * Instance sizes with an Elastic Fabric Adapter (CE-6).
 *
 * Sources (read 2026-11):
 * - the AWS Batch user guide's list (the seed, CE-6): `GUIDE_EFA_INSTANCE_TYPES`;
 * - the EC2 User Guide, "Elastic Fabric Adapter > Supported instance types"
 *   (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/efa.html#efa-instance-types, as kept in
 *   github.com/awsdocs/amazon-ec2-user-guide doc_source/efa.md): the bare-metal sizes below;
 * - `aws ec2 describe-instance-types --filters Name=network-info.efa-supported,Values=true`, the
 *   query that page recommends, as generated into eksctl's pkg/utils/instance/instance_types.go
 *   (eksctl-io/eksctl@99984adb, 2026-08-21; 184 sizes): every virtualized size below.
 *
 * Left out on purpose: `c6a.32xlarge` and `m6a.32xlarge` (listed by the old EC2 page, but
 * DescribeInstanceTypes says no EFA), the retired `dl1.24xlarge`, and the page's `x2d`/`x2ed`
 * entries, which are not instance types. The generated source skips bare metal, so `.metal` sizes
 * of families newer than the EC2 page's snapshot are missing. A size missing here is reported as
 * a warning, never an error: the list can only lag behind EC2.
 */
export const GUIDE_EFA_INSTANCE_TYPES: readonly string[] = [
  'c5n.18xlarge', 'c5n.metal', 'i3en.24xlarge', 'm5dn.24xlarge', 'm5n.24xlarge', 'r5dn.24xlarge', 'r5n.24xlarge',
  'p3dn.24xlarge',
];

/** Bare-metal sizes from the EC2 User Guide's list. */
const EC2_GUIDE_METAL_EFA_INSTANCE_TYPES: readonly string[] = [
  'c5n.metal', 'c6a.metal', 'c6i.metal', 'c6id.metal', 'g4dn.metal', 'i3en.metal', 'i4i.metal', 'm5dn.metal', 'm5n.metal',
  'm5zn.metal', 'm6a.metal', 'm6i.metal', 'm6id.metal', 'r5dn.metal', 'r5n.metal', 'r6a.metal', 'r6i.metal', 'r6id.metal',
  'x2iezn.metal',
];

/** Compute optimized (C) and HPC sizes, from DescribeInstanceTypes. */
const COMPUTE_EFA_INSTANCE_TYPES: readonly string[] = [
  'c5n.9xlarge', 'c5n.18xlarge', 'c6a.48xlarge', 'c6gn.16xlarge', 'c6i.32xlarge', 'c6id.32xlarge', 'c6in.32xlarge',
  'c7a.48xlarge', 'c7g.16xlarge', 'c7gd.16xlarge', 'c7gn.16xlarge', 'c7i.48xlarge', 'c8a.48xlarge', 'c8g.24xlarge',
  'c8g.48xlarge', 'c8gb.16xlarge', 'c8gb.24xlarge', 'c8gb.48xlarge', 'c8gd.24xlarge', 'c8gd.48xlarge', 'c8gn.16xlarge',
  'c8gn.24xlarge', 'c8gn.48xlarge', 'c8i.48xlarge', 'c8i.96xlarge', 'c8ib.48xlarge', 'c8ib.96xlarge', 'c8id.48xlarge',
  'c8id.96xlarge', 'c8in.48xlarge', 'c8in.96xlarge', 'c9g.48xlarge', 'c9gd.48xlarge',
  'hpc6a.48xlarge', 'hpc6id.32xlarge', 'hpc7a.12xlarge', 'hpc7a.24xlarge', 'hpc7a.48xlarge', 'hpc7a.96xlarge',
  'hpc7g.4xlarge', 'hpc7g.8xlarge', 'hpc7g.16xlarge', 'hpc8a.96xlarge',
];

/** General purpose (M) sizes, from DescribeInstanceTypes. */
const GENERAL_PURPOSE_EFA_INSTANCE_TYPES: readonly string[] = [
  'm5dn.24xlarge', 'm5n.24xlarge', 'm5zn.12xlarge', 'm6a.48xlarge', 'm6i.32xlarge', 'm6id.32xlarge', 'm6idn.32xlarge',
  'm6in.32xlarge', 'm7a.48xlarge', 'm7g.16xlarge', 'm7gd.16xlarge', 'm7i.48xlarge', 'm8a.48xlarge', 'm8azn.24xlarge',
  'm8g.24xlarge', 'm8g.48xlarge', 'm8gb.16xlarge', 'm8gb.24xlarge', 'm8gb.48xlarge', 'm8gd.24xlarge', 'm8gd.48xlarge',
  'm8gn.16xlarge', 'm8gn.24xlarge', 'm8gn.48xlarge', 'm8i.48xlarge', 'm8i.96xlarge', 'm8ib.48xlarge', 'm8ib.96xlarge',
  'm8id.48xlarge', 'm8id.96xlarge', 'm8idb.48xlarge', 'm8idb.96xlarge', 'm8idn.48xlarge', 'm8idn.96xlarge',
  'm8in.48xlarge', 'm8in.96xlarge', 'm9g.48xlarge', 'm9gd.48xlarge',
];

/** Memory optimized (R, X, U) sizes, from DescribeInstanceTypes. */
const MEMORY_EFA_INSTANCE_TYPES: readonly string[] = [
  'r5dn.24xlarge', 'r5n.24xlarge', 'r6a.48xlarge', 'r6i.32xlarge', 'r6id.32xlarge', 'r6idn.32xlarge', 'r6in.32xlarge',
  'r7a.48xlarge', 'r7g.16xlarge', 'r7gd.16xlarge', 'r7i.48xlarge', 'r7iz.32xlarge', 'r8a.48xlarge', 'r8g.24xlarge',
  'r8g.48xlarge', 'r8gb.16xlarge', 'r8gb.24xlarge', 'r8gb.48xlarge', 'r8gd.24xlarge', 'r8gd.48xlarge', 'r8gn.16xlarge',
  'r8gn.24xlarge', 'r8gn.48xlarge', 'r8i.48xlarge', 'r8i.96xlarge', 'r8ib.48xlarge', 'r8ib.96xlarge', 'r8id.48xlarge',
  'r8id.96xlarge', 'r8idb.48xlarge', 'r8idb.96xlarge', 'r8idn.48xlarge', 'r8idn.96xlarge', 'r8in.48xlarge',
  'r8in.96xlarge',
  'u7i-6tb.112xlarge', 'u7i-8tb.112xlarge', 'u7i-12tb.224xlarge', 'u7in-16tb.224xlarge', 'u7in-24tb.224xlarge',
  'u7in-32tb.224xlarge',
  'x2idn.32xlarge', 'x2iedn.32xlarge', 'x2iezn.12xlarge', 'x8aedz.24xlarge', 'x8g.24xlarge', 'x8g.48xlarge',
  'x8i.48xlarge', 'x8i.64xlarge', 'x8i.96xlarge',
];

/** Storage optimized (I) sizes, from DescribeInstanceTypes. */
const STORAGE_EFA_INSTANCE_TYPES: readonly string[] = [
  'i3en.12xlarge', 'i3en.24xlarge', 'i4g.16xlarge', 'i4i.32xlarge', 'i7i.24xlarge', 'i7i.48xlarge', 'i7ie.48xlarge',
  'i8g.48xlarge', 'i8ge.48xlarge', 'im4gn.16xlarge',
];

/** Accelerated computing (GPU, Trainium, Inferentia, FPGA, video) sizes, from DescribeInstanceTypes. */
const ACCELERATED_EFA_INSTANCE_TYPES: readonly string[] = [
  'dl2q.24xlarge', 'f2.48xlarge',
  'g4dn.8xlarge', 'g4dn.12xlarge', 'g4dn.16xlarge', 'g5.8xlarge', 'g5.12xlarge', 'g5.16xlarge', 'g5.24xlarge',
  'g5.48xlarge', 'g6.8xlarge', 'g6.12xlarge', 'g6.16xlarge', 'g6.24xlarge', 'g6.48xlarge', 'g6e.8xlarge',
  'g6e.12xlarge', 'g6e.16xlarge', 'g6e.24xlarge', 'g6e.48xlarge', 'g7.8xlarge', 'g7.12xlarge', 'g7.24xlarge',
  'g7.48xlarge', 'g7e.8xlarge', 'g7e.12xlarge', 'g7e.24xlarge', 'g7e.48xlarge', 'gr6.8xlarge',
  'inf1.24xlarge',
  'p3dn.24xlarge', 'p4d.24xlarge', 'p4de.24xlarge', 'p5.4xlarge', 'p5.48xlarge', 'p5e.48xlarge', 'p5en.48xlarge',
  'p6-b200.48xlarge', 'p6-b300.48xlarge',
  'trn1.32xlarge', 'trn1n.32xlarge', 'trn2.48xlarge',
  'vt1.24xlarge',
];

export const KNOWN_EFA_INSTANCE_TYPES: ReadonlySet<string> = new Set([
  ...GUIDE_EFA_INSTANCE_TYPES,
  ...EC2_GUIDE_METAL_EFA_INSTANCE_TYPES,
  ...COMPUTE_EFA_INSTANCE_TYPES,
  ...GENERAL_PURPOSE_EFA_INSTANCE_TYPES,
  ...MEMORY_EFA_INSTANCE_TYPES,
  ...STORAGE_EFA_INSTANCE_TYPES,
  ...ACCELERATED_EFA_INSTANCE_TYPES,
]);

/** The device an EFA job maps into its container (CE-6). */
export const EFA_DEVICE_PATH = '/dev/infiniband/uverbs0';
