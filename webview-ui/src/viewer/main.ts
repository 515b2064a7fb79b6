// Entry of the viewer page: placeholder until the page lands.
import '../shared/base.css';
export {};
