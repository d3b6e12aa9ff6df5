import { render } from 'preact';
import { App } from '../../components/log/App';

render(<App />, document.getElementById('app')!);
