export { literacyFramework, selFramework, type StarterFramework } from './frameworks.ts';
export { buildDemoClass, type DemoClass, type DemoClassOptions } from './demo-class.ts';
export { starterRecords, type StarterRecord } from './starter.ts';
