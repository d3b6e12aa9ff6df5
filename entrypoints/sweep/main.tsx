import { render } from 'preact';
import { App } from '../../components/sweep/App';

render(<App />, document.getElementById('app')!);
