export * from './format';
export * from './errors';
export { terms } from './terms';
export { gridLabel, gridLabelSql } from './area-names';
export * from './requests';
