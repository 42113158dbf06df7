export * from './plan-report';
export * from './report-options';
export { PriceOverrides } from './price-table';
