import { render } from 'preact';
import { Dashboard } from '../components/dashboard/Dashboard';
import { applyPageLocale, TEXT } from '../components/pageText';
import '../components/options/options.css';
import '../components/snapshot/snapshot.css';
import '../components/dashboard/guides.css';
import '../components/dashboard/overview.css';

applyPageLocale(document, TEXT.dashboard.documentTitle);
render(<Dashboard />, document.getElementById('app') as HTMLElement);
