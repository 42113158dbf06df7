export * from './plan-report';
export * from './report-options';
export * from './price-overrides';
