// Every integration suite: index.ts has mocha load this file's bundle. Add new suites here.
import './activation.test';
import './hostEnvironment.test';
import './detail.test';
import './detailLifecycle.test';
import './diagnostics.test';
import './hover.test';
import './viewer.test';
import './textActions.test';
import './prettify.test';
import './tree.test';
import './treeLarge.test';
import './commands.test';
import './treeCommands.test';
import './viewerTiming.test';
import './logSets.test';
import './logAnalytics.test';
import './graphFetch.test';
