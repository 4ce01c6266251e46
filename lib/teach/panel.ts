// The teaching panel and the highlight of the rows a rule matches: drawn in a closed shadow root
// the page can neither read nor restyle, as boxes laid over the page's rows (the page's own
// elements are never touched). Buttons act only on trusted clicks.

const STYLE = `:host{all:initial}
.panel{position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:340px;padding:12px 14px;border-radius:8px;background:#1d2433;color:#fff;font:13px/1.4 system-ui,sans-serif;box-shadow:0 4px 18px rgba(0,0,0,.35)}
.panel h2{margin:0 0 6px;font-size:14px}.panel p{margin:4px 0}.panel code{font-size:11px;word-break:break-all;color:#cfe3ff}
.panel .count{font-weight:600}.panel .error{color:#ffb4a9}
.panel button{margin:8px 6px 0 0;padding:4px 10px;border-radius:4px;border:1px solid #8aa4c8;background:#2c3a55;color:#fff;font:inherit;cursor:pointer}
.panel button.save{background:#2f7d32;border-color:#2f7d32}.panel button[disabled]{opacity:.5;cursor:default}
.box{position:fixed;z-index:2147483646;pointer-events:none;box-sizing:border-box;border:2px solid #2f7d32;background:rgba(47,125,50,.12)}
.box.picked{border-color:#1565c0;background:rgba(21,101,192,.16)}`;

/** At most this many row boxes are drawn (the ones in view first): the count says the rest. */
const MAX_BOXES = 300;

export interface PanelActions {
  save(): void;
  stop(): void;
}

export class TeachPanel {
  readonly host = document.createElement('div');
  private readonly root: ShadowRoot;
  private readonly message: HTMLParagraphElement;
  private readonly detail: HTMLParagraphElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly boxes: HTMLDivElement;

  constructor(actions: PanelActions) {
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.boxes = document.createElement('div');
    const panel = document.createElement('div');
    panel.className = 'panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Teach QuickCancel this page');
    const title = document.createElement('h2');
    title.textContent = 'Teach QuickCancel this page';
    this.message = document.createElement('p');
    this.message.setAttribute('role', 'status');
    this.detail = document.createElement('p');
    this.saveButton = this.button('Save rule (Enter)', 'save', actions.save);
    this.saveButton.disabled = true;
    panel.append(title, this.message, this.detail, this.saveButton, this.button('Stop (Esc)', 'stop', actions.stop));
    this.root.append(style, this.boxes, panel);
    this.say('Click one of your open orders on this page. Esc stops.');
  }

  private button(text: string, name: string, act: () => void): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = name;
    b.textContent = text;
    b.addEventListener('click', (e) => {
      if (e.isTrusted) act();
    });
    return b;
  }

  say(text: string, kind: 'info' | 'error' = 'info'): void {
    this.message.textContent = text;
    this.message.className = kind === 'error' ? 'error' : '';
  }

  /** The live count of rows the rule would read, and the rule itself in small print. */
  showRule(count: number, rowSelector: string | undefined): void {
    this.saveButton.disabled = count === 0;
    if (rowSelector === undefined) {
      this.detail.replaceChildren();
      return;
    }
    const strong = document.createElement('span');
    strong.className = 'count';
    strong.textContent = `This rule finds ${count} order row${count === 1 ? '' : 's'} on this page.`;
    const code = document.createElement('code');
    code.textContent = rowSelector;
    this.detail.replaceChildren(strong, document.createElement('br'), code);
  }

  /** Boxes over the matched rows that are in view; the picked one stands out. */
  highlight(rows: readonly Element[], picked: Element | undefined): void {
    const boxes: HTMLDivElement[] = [];
    const height = innerHeight;
    for (const row of rows) {
      if (boxes.length >= MAX_BOXES) break;
      const r = row.getBoundingClientRect();
      if (r.bottom < 0 || r.top > height || r.width === 0) continue;
      const box = document.createElement('div');
      box.className = row === picked ? 'box picked' : 'box';
      box.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
      boxes.push(box);
    }
    this.boxes.replaceChildren(...boxes);
  }

  contains(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }
}
