export * from './meta';
export * from './territory';
export * from './people';
export * from './status';
export * from './residents';
export * from './screening';
export * from './audit';
export * from './accounts';
