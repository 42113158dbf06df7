import { InstanceArchitecture, InstanceTypeSpec } from './instance-type-spec';

/*
 * The EC2 instance types the local runtime knows: every size except `.metal` of the families the
 * AWS Batch guide names, of the families `optimal`, `default_x86_64` and `default_arm64` expand to
 * (LIM-15), and of today's GPU families (SCHED-9).
 *
 * Where the figures come from:
 * - vCPUs, installed memory, GPUs and architecture are EC2's published figures: the Amazon EC2
 *   Instance Types guide, https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html (general
 *   purpose), .../co.html (compute optimized), .../mo.html (memory optimized), .../so.html (storage
 *   optimized, i3en), .../ac.html (accelerated computing) and .../pg.html (previous generation), and
 *   the AWS Batch guide's GPU table, https://docs.aws.amazon.com/batch/latest/userguide/gpu-jobs.html.
 *   The rows were transcribed from two listings generated from the EC2 `DescribeInstanceTypes` API
 *   (aws/karpenter-provider-aws website/content/en/preview/reference/instance-types.md, 2026-07, and
 *   hoonoh/aws-spot-price src/constants/ec2-info.ts, 2026-08): vCPUs and memory agree for all 223
 *   types both list, and GPU counts and EFA come from the first. p2, p3, g3 and g3s are retired and
 *   gone from today's `DescribeInstanceTypes`; their rows come from older versions of the same
 *   listings (2024-09 to 2026-04). Spot-checked by hand against the guide pages' tables for m4, m5,
 *   m5d, t2 and a1 and against the Batch GPU table for g3, g3s, g4dn, g5 and g6 (to 16xlarge); the
 *   other rows rest on the two generated listings agreeing.
 * - EFA: "Supported instance types" in https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/efa.html;
 *   the guide's own list (c5n.18xlarge, i3en.24xlarge, m5dn.24xlarge, m5n.24xlarge, r5dn.24xlarge,
 *   r5n.24xlarge, p3dn.24xlarge) is a subset of the rows marked EFA here.
 * - Prices: on-demand Linux, shared tenancy, us-east-1, from the AWS Price List
 *   (https://aws.amazon.com/ec2/pricing/on-demand/) as snapshotted on 2026-07-20 by the generated
 *   table in aws/karpenter-provider-aws (pkg/providers/pricing/zz_generated.pricing_aws.go).
 *   Prices move (P4d and P5 were cut by up to 45% in 2025); they only rank types against each other.
 */

const X86 = InstanceArchitecture.X86_64;
const ARM = InstanceArchitecture.ARM64;

/** Marks a row whose instance type supports EFA. */
const EFA = true;

/** One size: [size, vCPUs, installed memory in GiB (as the docs print it), GPUs, on-demand USD/h, EFA?]. */
type SizeRow = readonly [string, number, number, number, number, boolean?];

const MIB_PER_GIB = 1024;

function family(name: string, architecture: InstanceArchitecture, sizes: readonly SizeRow[]): InstanceTypeSpec[] {
  return sizes.map(([size, vcpus, memoryGiB, gpus, onDemandUsdPerHour, efaSupported]) => ({
    name: `${name}.${size}`,
    family: name,
    size,
    vcpus,
    // Every size in the table is a whole number of MiB (30.5 GiB = 31232 MiB), so this is exact.
    memoryMiB: memoryGiB * MIB_PER_GIB,
    gpus,
    architecture,
    efaSupported: efaSupported === true,
    onDemandUsdPerHour,
  }));
}

/** All rows, grouped by family, each family's sizes smallest first (the order expansions keep). */
export const INSTANCE_TYPES: readonly InstanceTypeSpec[] = Object.freeze([
  ...family('c4', X86, [
    ['large', 2, 3.75, 0, 0.1],
    ['xlarge', 4, 7.5, 0, 0.199],
    ['2xlarge', 8, 15, 0, 0.398],
    ['4xlarge', 16, 30, 0, 0.796],
    ['8xlarge', 36, 60, 0, 1.591],
  ]),
  ...family('c5', X86, [
    ['large', 2, 4, 0, 0.085],
    ['xlarge', 4, 8, 0, 0.17],
    ['2xlarge', 8, 16, 0, 0.34],
    ['4xlarge', 16, 32, 0, 0.68],
    ['9xlarge', 36, 72, 0, 1.53],
    ['12xlarge', 48, 96, 0, 2.04],
    ['18xlarge', 72, 144, 0, 3.06],
    ['24xlarge', 96, 192, 0, 4.08],
  ]),
  ...family('c5n', X86, [
    ['large', 2, 5.25, 0, 0.108],
    ['xlarge', 4, 10.5, 0, 0.216],
    ['2xlarge', 8, 21, 0, 0.432],
    ['4xlarge', 16, 42, 0, 0.864],
    ['9xlarge', 36, 96, 0, 1.944, EFA],
    ['18xlarge', 72, 192, 0, 3.888, EFA],
  ]),
  ...family('c5d', X86, [
    ['large', 2, 4, 0, 0.096],
    ['xlarge', 4, 8, 0, 0.192],
    ['2xlarge', 8, 16, 0, 0.384],
    ['4xlarge', 16, 32, 0, 0.768],
    ['9xlarge', 36, 72, 0, 1.728],
    ['12xlarge', 48, 96, 0, 2.304],
    ['18xlarge', 72, 144, 0, 3.456],
    ['24xlarge', 96, 192, 0, 4.608],
  ]),
  ...family('m4', X86, [
    ['large', 2, 8, 0, 0.1],
    ['xlarge', 4, 16, 0, 0.2],
    ['2xlarge', 8, 32, 0, 0.4],
    ['4xlarge', 16, 64, 0, 0.8],
    ['10xlarge', 40, 160, 0, 2],
    ['16xlarge', 64, 256, 0, 3.2],
  ]),
  ...family('m5', X86, [
    ['large', 2, 8, 0, 0.096],
    ['xlarge', 4, 16, 0, 0.192],
    ['2xlarge', 8, 32, 0, 0.384],
    ['4xlarge', 16, 64, 0, 0.768],
    ['8xlarge', 32, 128, 0, 1.536],
    ['12xlarge', 48, 192, 0, 2.304],
    ['16xlarge', 64, 256, 0, 3.072],
    ['24xlarge', 96, 384, 0, 4.608],
  ]),
  ...family('m5d', X86, [
    ['large', 2, 8, 0, 0.113],
    ['xlarge', 4, 16, 0, 0.226],
    ['2xlarge', 8, 32, 0, 0.452],
    ['4xlarge', 16, 64, 0, 0.904],
    ['8xlarge', 32, 128, 0, 1.808],
    ['12xlarge', 48, 192, 0, 2.712],
    ['16xlarge', 64, 256, 0, 3.616],
    ['24xlarge', 96, 384, 0, 5.424],
  ]),
  ...family('m5n', X86, [
    ['large', 2, 8, 0, 0.119],
    ['xlarge', 4, 16, 0, 0.238],
    ['2xlarge', 8, 32, 0, 0.476],
    ['4xlarge', 16, 64, 0, 0.952],
    ['8xlarge', 32, 128, 0, 1.904],
    ['12xlarge', 48, 192, 0, 2.856],
    ['16xlarge', 64, 256, 0, 3.808],
    ['24xlarge', 96, 384, 0, 5.712, EFA],
  ]),
  ...family('m5dn', X86, [
    ['large', 2, 8, 0, 0.136],
    ['xlarge', 4, 16, 0, 0.272],
    ['2xlarge', 8, 32, 0, 0.544],
    ['4xlarge', 16, 64, 0, 1.088],
    ['8xlarge', 32, 128, 0, 2.176],
    ['12xlarge', 48, 192, 0, 3.264],
    ['16xlarge', 64, 256, 0, 4.352],
    ['24xlarge', 96, 384, 0, 6.528, EFA],
  ]),
  ...family('r4', X86, [
    ['large', 2, 15.25, 0, 0.133],
    ['xlarge', 4, 30.5, 0, 0.266],
    ['2xlarge', 8, 61, 0, 0.532],
    ['4xlarge', 16, 122, 0, 1.064],
    ['8xlarge', 32, 244, 0, 2.128],
    ['16xlarge', 64, 488, 0, 4.256],
  ]),
  ...family('r5', X86, [
    ['large', 2, 16, 0, 0.126],
    ['xlarge', 4, 32, 0, 0.252],
    ['2xlarge', 8, 64, 0, 0.504],
    ['4xlarge', 16, 128, 0, 1.008],
    ['8xlarge', 32, 256, 0, 2.016],
    ['12xlarge', 48, 384, 0, 3.024],
    ['16xlarge', 64, 512, 0, 4.032],
    ['24xlarge', 96, 768, 0, 6.048],
  ]),
  ...family('r5d', X86, [
    ['large', 2, 16, 0, 0.144],
    ['xlarge', 4, 32, 0, 0.288],
    ['2xlarge', 8, 64, 0, 0.576],
    ['4xlarge', 16, 128, 0, 1.152],
    ['8xlarge', 32, 256, 0, 2.304],
    ['12xlarge', 48, 384, 0, 3.456],
    ['16xlarge', 64, 512, 0, 4.608],
    ['24xlarge', 96, 768, 0, 6.912],
  ]),
  ...family('r5n', X86, [
    ['large', 2, 16, 0, 0.149],
    ['xlarge', 4, 32, 0, 0.298],
    ['2xlarge', 8, 64, 0, 0.596],
    ['4xlarge', 16, 128, 0, 1.192],
    ['8xlarge', 32, 256, 0, 2.384],
    ['12xlarge', 48, 384, 0, 3.576],
    ['16xlarge', 64, 512, 0, 4.768],
    ['24xlarge', 96, 768, 0, 7.152, EFA],
  ]),
  ...family('r5dn', X86, [
    ['large', 2, 16, 0, 0.167],
    ['xlarge', 4, 32, 0, 0.334],
    ['2xlarge', 8, 64, 0, 0.668],
    ['4xlarge', 16, 128, 0, 1.336],
    ['8xlarge', 32, 256, 0, 2.672],
    ['12xlarge', 48, 384, 0, 4.008],
    ['16xlarge', 64, 512, 0, 5.344],
    ['24xlarge', 96, 768, 0, 8.016, EFA],
  ]),
  ...family('i3en', X86, [
    ['large', 2, 16, 0, 0.226],
    ['xlarge', 4, 32, 0, 0.452],
    ['2xlarge', 8, 64, 0, 0.904],
    ['3xlarge', 12, 96, 0, 1.356],
    ['6xlarge', 24, 192, 0, 2.712],
    ['12xlarge', 48, 384, 0, 5.424, EFA],
    ['24xlarge', 96, 768, 0, 10.848, EFA],
  ]),
  ...family('p2', X86, [
    ['xlarge', 4, 61, 1, 0.9],
    ['8xlarge', 32, 488, 8, 7.2],
    ['16xlarge', 64, 732, 16, 14.4],
  ]),
  ...family('p3', X86, [
    ['2xlarge', 8, 61, 1, 3.06],
    ['8xlarge', 32, 244, 4, 12.24],
    ['16xlarge', 64, 488, 8, 24.48],
  ]),
  ...family('p3dn', X86, [
    ['24xlarge', 96, 768, 8, 31.212, EFA],
  ]),
  ...family('g3', X86, [
    ['4xlarge', 16, 122, 1, 1.14],
    ['8xlarge', 32, 244, 2, 2.28],
    ['16xlarge', 64, 488, 4, 4.56],
  ]),
  ...family('g3s', X86, [
    ['xlarge', 4, 30.5, 1, 0.75],
  ]),
  ...family('g4dn', X86, [
    ['xlarge', 4, 16, 1, 0.526],
    ['2xlarge', 8, 32, 1, 0.752],
    ['4xlarge', 16, 64, 1, 1.204],
    ['8xlarge', 32, 128, 1, 2.176, EFA],
    ['12xlarge', 48, 192, 4, 3.912, EFA],
    ['16xlarge', 64, 256, 1, 4.352, EFA],
  ]),
  ...family('a1', ARM, [
    ['medium', 1, 2, 0, 0.0255],
    ['large', 2, 4, 0, 0.051],
    ['xlarge', 4, 8, 0, 0.102],
    ['2xlarge', 8, 16, 0, 0.204],
    ['4xlarge', 16, 32, 0, 0.408],
  ]),
  ...family('t2', X86, [
    ['nano', 1, 0.5, 0, 0.0058],
    ['micro', 1, 1, 0, 0.0116],
    ['small', 1, 2, 0, 0.023],
    ['medium', 2, 4, 0, 0.0464],
    ['large', 2, 8, 0, 0.0928],
    ['xlarge', 4, 16, 0, 0.1856],
    ['2xlarge', 8, 32, 0, 0.3712],
  ]),
  ...family('t3', X86, [
    ['nano', 2, 0.5, 0, 0.0052],
    ['micro', 2, 1, 0, 0.0104],
    ['small', 2, 2, 0, 0.0208],
    ['medium', 2, 4, 0, 0.0416],
    ['large', 2, 8, 0, 0.0832],
    ['xlarge', 4, 16, 0, 0.1664],
    ['2xlarge', 8, 32, 0, 0.3328],
  ]),
  ...family('m6i', X86, [
    ['large', 2, 8, 0, 0.096],
    ['xlarge', 4, 16, 0, 0.192],
    ['2xlarge', 8, 32, 0, 0.384],
    ['4xlarge', 16, 64, 0, 0.768],
    ['8xlarge', 32, 128, 0, 1.536],
    ['12xlarge', 48, 192, 0, 2.304],
    ['16xlarge', 64, 256, 0, 3.072],
    ['24xlarge', 96, 384, 0, 4.608],
    ['32xlarge', 128, 512, 0, 6.144, EFA],
  ]),
  ...family('c6i', X86, [
    ['large', 2, 4, 0, 0.085],
    ['xlarge', 4, 8, 0, 0.17],
    ['2xlarge', 8, 16, 0, 0.34],
    ['4xlarge', 16, 32, 0, 0.68],
    ['8xlarge', 32, 64, 0, 1.36],
    ['12xlarge', 48, 96, 0, 2.04],
    ['16xlarge', 64, 128, 0, 2.72],
    ['24xlarge', 96, 192, 0, 4.08],
    ['32xlarge', 128, 256, 0, 5.44, EFA],
  ]),
  ...family('r6i', X86, [
    ['large', 2, 16, 0, 0.126],
    ['xlarge', 4, 32, 0, 0.252],
    ['2xlarge', 8, 64, 0, 0.504],
    ['4xlarge', 16, 128, 0, 1.008],
    ['8xlarge', 32, 256, 0, 2.016],
    ['12xlarge', 48, 384, 0, 3.024],
    ['16xlarge', 64, 512, 0, 4.032],
    ['24xlarge', 96, 768, 0, 6.048],
    ['32xlarge', 128, 1024, 0, 8.064, EFA],
  ]),
  ...family('c7i', X86, [
    ['large', 2, 4, 0, 0.08925],
    ['xlarge', 4, 8, 0, 0.1785],
    ['2xlarge', 8, 16, 0, 0.357],
    ['4xlarge', 16, 32, 0, 0.714],
    ['8xlarge', 32, 64, 0, 1.428],
    ['12xlarge', 48, 96, 0, 2.142],
    ['16xlarge', 64, 128, 0, 2.856],
    ['24xlarge', 96, 192, 0, 4.284],
    ['48xlarge', 192, 384, 0, 8.568, EFA],
  ]),
  ...family('m6g', ARM, [
    ['medium', 1, 4, 0, 0.0385],
    ['large', 2, 8, 0, 0.077],
    ['xlarge', 4, 16, 0, 0.154],
    ['2xlarge', 8, 32, 0, 0.308],
    ['4xlarge', 16, 64, 0, 0.616],
    ['8xlarge', 32, 128, 0, 1.232],
    ['12xlarge', 48, 192, 0, 1.848],
    ['16xlarge', 64, 256, 0, 2.464],
  ]),
  ...family('c6g', ARM, [
    ['medium', 1, 2, 0, 0.034],
    ['large', 2, 4, 0, 0.068],
    ['xlarge', 4, 8, 0, 0.136],
    ['2xlarge', 8, 16, 0, 0.272],
    ['4xlarge', 16, 32, 0, 0.544],
    ['8xlarge', 32, 64, 0, 1.088],
    ['12xlarge', 48, 96, 0, 1.632],
    ['16xlarge', 64, 128, 0, 2.176],
  ]),
  ...family('r6g', ARM, [
    ['medium', 1, 8, 0, 0.0504],
    ['large', 2, 16, 0, 0.1008],
    ['xlarge', 4, 32, 0, 0.2016],
    ['2xlarge', 8, 64, 0, 0.4032],
    ['4xlarge', 16, 128, 0, 0.8064],
    ['8xlarge', 32, 256, 0, 1.6128],
    ['12xlarge', 48, 384, 0, 2.4192],
    ['16xlarge', 64, 512, 0, 3.2256],
  ]),
  ...family('c7g', ARM, [
    ['medium', 1, 2, 0, 0.0363],
    ['large', 2, 4, 0, 0.0725],
    ['xlarge', 4, 8, 0, 0.145],
    ['2xlarge', 8, 16, 0, 0.29],
    ['4xlarge', 16, 32, 0, 0.58],
    ['8xlarge', 32, 64, 0, 1.16],
    ['12xlarge', 48, 96, 0, 1.74],
    ['16xlarge', 64, 128, 0, 2.32, EFA],
  ]),
  ...family('p4d', X86, [
    ['24xlarge', 96, 1152, 8, 21.9576, EFA],
  ]),
  ...family('p5', X86, [
    ['4xlarge', 16, 256, 1, 6.88, EFA],
    ['48xlarge', 192, 2048, 8, 55.04, EFA],
  ]),
  ...family('g5', X86, [
    ['xlarge', 4, 16, 1, 1.006],
    ['2xlarge', 8, 32, 1, 1.212],
    ['4xlarge', 16, 64, 1, 1.624],
    ['8xlarge', 32, 128, 1, 2.448, EFA],
    ['12xlarge', 48, 192, 4, 5.672, EFA],
    ['16xlarge', 64, 256, 1, 4.096, EFA],
    ['24xlarge', 96, 384, 4, 8.144, EFA],
    ['48xlarge', 192, 768, 8, 16.288, EFA],
  ]),
  ...family('g6', X86, [
    ['xlarge', 4, 16, 1, 0.8048],
    ['2xlarge', 8, 32, 1, 0.9776],
    ['4xlarge', 16, 64, 1, 1.3232],
    ['8xlarge', 32, 128, 1, 2.0144, EFA],
    ['12xlarge', 48, 192, 4, 4.6016, EFA],
    ['16xlarge', 64, 256, 1, 3.3968, EFA],
    ['24xlarge', 96, 384, 4, 6.6752, EFA],
    ['48xlarge', 192, 768, 8, 13.3504, EFA],
  ]),
].map((spec) => Object.freeze(spec)));
