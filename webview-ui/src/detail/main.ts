// Entry of the detail page: placeholder until the page lands.
import '../shared/base.css';
export {};
