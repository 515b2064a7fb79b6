// Entry of the viewer page (custom editor provlog.viewer): styles, the toolkit's components, the app.
import '../shared/base.css';
import './viewer.css';
import './header.css';
import './chart.css';
import './filters.css';
import './table.css';
import { registerToolkit } from '../shared/toolkit';
import { ViewerApp } from './app';

registerToolkit();
const root = document.getElementById('app');
if (root) {
  root.removeAttribute('role');
  new ViewerApp(root);
}
