export * from './format';
export * from './errors';
export { terms } from './terms';
