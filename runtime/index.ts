export { listen, type RunningServer } from './listen';
