// The renderer's view of the bridge: fully typed from the contract.
import type { HearthBridge } from '../../contract';

declare global {
  interface Window {
    readonly hearth: HearthBridge;
  }
}
export {};
