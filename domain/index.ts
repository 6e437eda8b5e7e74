export * from './money';
export * from './types';
export * from './partner-program';
export * from './clock';
export * from './catalog';
export * from './billing';
export * from './incentives';
export * from './freshness';
