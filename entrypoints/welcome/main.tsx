import { render } from 'preact';
import { App } from '../../components/welcome/App';

render(<App />, document.getElementById('app')!);
