/*
 * The capacity model's types (Placement, FitVerdict, CapacityModel) moved to the leaf module
 * `../types/placement`, so that `core/capacity` and `core/jobs` use them without importing
 * `core/scheduling` (issue #11 §1). This re-export keeps the old path working for the backend;
 * new code imports `../types/placement`.
 */
export type { CapacityModel, FitVerdict, Placement } from '../types/placement';
