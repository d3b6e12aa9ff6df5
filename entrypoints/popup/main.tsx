import { render } from 'preact';

render(<p>政府信息公开年报审核</p>, document.getElementById('app')!);
