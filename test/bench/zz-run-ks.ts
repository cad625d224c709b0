import { benchKeystroke } from './keystroke';
const rows = await benchKeystroke();
console.table(rows);
