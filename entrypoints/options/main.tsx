import { render } from 'preact';
import { MyActivity } from '../../components/options/MyActivity';
import { SyncSettings } from '../../components/options/SyncSettings';
import '../../components/options/options.css';

render(<MyActivity />, document.getElementById('app') as HTMLElement);
render(<SyncSettings />, document.getElementById('sync') as HTMLElement);
