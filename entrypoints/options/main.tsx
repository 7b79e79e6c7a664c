import { render } from 'preact';
import { GuideLibrary } from '../../components/options/GuideLibrary';
import { LocalSnapshot } from '../../components/options/LocalSnapshot';
import { MyActivity } from '../../components/options/MyActivity';
import { SyncSettings } from '../../components/options/SyncSettings';
import '../../components/options/options.css';
import '../../components/snapshot/snapshot.css';

render(<MyActivity />, document.getElementById('app') as HTMLElement);
render(<SyncSettings />, document.getElementById('sync') as HTMLElement);
render(<LocalSnapshot />, document.getElementById('figures') as HTMLElement);
render(<GuideLibrary />, document.getElementById('guides') as HTMLElement);
