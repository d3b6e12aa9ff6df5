import { render } from 'preact';
import { App } from '../../components/document/App';

render(<App />, document.getElementById('app')!);
