// Every integration suite: index.ts has mocha load this file's bundle. Add new suites here.
import './activation.test';
import './hostEnvironment.test';
import './detail.test';
import './detailLifecycle.test';
