export * from './money';
export * from './types';
