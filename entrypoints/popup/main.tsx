import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import '@/components/base.css';

render(<Popup />, document.getElementById('app')!);
