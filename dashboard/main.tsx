import { render } from 'preact';
import { Dashboard } from '../components/dashboard/Dashboard';
import '../components/options/options.css';
import '../components/snapshot/snapshot.css';

render(<Dashboard />, document.getElementById('app') as HTMLElement);
