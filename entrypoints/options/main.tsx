import { render } from 'preact';
import { MyActivity } from '../../components/options/MyActivity';
import '../../components/options/options.css';

render(<MyActivity />, document.getElementById('app') as HTMLElement);
