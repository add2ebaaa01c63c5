/**
 * The enterprise's tracking page at /t/<token>: what GET /api/v1/track/<token> answers, and the
 * rating form while the problem awaits one. Plain DOM, no framework and no imports, so that its
 * whole script is a few kilobytes; every text from the service goes in as text, never as markup.
 */

interface Tracked {
  code: string;
  title: string;
  status: string;
  departmentName: string | null;
  dueAt: string | null;
  publicNotes: { at: string; note: string }[];
  canRate: boolean;
}

/** The statuses in the words an enterprise uses. */
const STATUS_TEXT: Record<string, string> = {
  reported: '已受理，待交办',
  assigned: '已交办责任部门',
  in_progress: '办理中',
  resolved: '已办结，请评价',
  closed: '已办结',
  withdrawn: '已撤回',
};

const SATISFACTIONS: [string, string][] = [
  ['satisfied', '满意'],
  ['basically_satisfied', '基本满意'],
  ['unsatisfied', '不满意'],
];

const root = document.getElementById('track')!;
const token = decodeURIComponent(location.pathname.replace(/^\/t\//, '').replace(/\/$/, ''));
const apiPath = `/api/v1/track/${encodeURIComponent(token)}`;
let timeZone = 'Asia/Shanghai';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function formatTime(iso: string, withTime: boolean): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  }).format(new Date(iso));
}

function show(...sections: HTMLElement[]): void {
  root.replaceChildren(...sections);
}

function message(text: string, className = 'muted'): HTMLElement {
  return el('section', {}, el('p', { className }, text));
}

/** Why the service said no, in the enterprise's words. */
function failure(status: number): string {
  if (status === 404) return '链接无效或已过期。请联系为您登记问题的工作人员。';
  if (status === 429) return '访问过于频繁，请稍后再试。';
  if (status === 409) return '该问题当前无需评价（可能已评价过）。';
  return '暂时无法连接，请稍后再试。';
}

function render(data: Tracked, notice?: string): void {
  const details = el(
    'dl',
    {},
    el('dt', {}, '跟踪编号'),
    el('dd', {}, data.code),
    el('dt', {}, '办理状态'),
    el('dd', { id: 'status' }, STATUS_TEXT[data.status] ?? data.status),
    el('dt', {}, '责任部门'),
    el('dd', {}, data.departmentName ?? '待交办'),
    el('dt', {}, '承诺办结'),
    el('dd', {}, data.dueAt ? formatTime(data.dueAt, false) : '交办后确定'),
  );
  const sections = [el('section', {}, el('h1', {}, data.title), details)];
  if (notice) sections.push(message(notice));

  const notes = el('section', {}, el('h2', {}, '办理进展'));
  if (data.publicNotes.length === 0) notes.append(el('p', { className: 'muted' }, '暂无公开的办理进展。'));
  else {
    notes.append(
      el(
        'ol',
        {},
        ...data.publicNotes.map((n) => el('li', {}, el('time', { dateTime: n.at }, formatTime(n.at, true)), n.note)),
      ),
    );
  }
  sections.push(notes);
  if (data.canRate) sections.push(ratingForm());
  show(...sections);
}

function ratingForm(): HTMLElement {
  const choices = SATISFACTIONS.map(([value, label], i) =>
    el(
      'label',
      { className: 'choice' },
      el('input', { type: 'radio', name: 'satisfaction', value, required: i === 0 }),
      ` ${label}`,
    ),
  );
  const comment = el('textarea', { id: 'comment', name: 'comment', maxLength: 2000 });
  const error = el('p', { className: 'error', role: 'alert' });
  const submit = el('button', { type: 'submit' }, '提交评价');
  const form = el(
    'form',
    {},
    el('h2', {}, '请对办理结果进行评价'),
    el('fieldset', {}, el('legend', {}, '满意程度'), ...choices),
    el('label', { htmlFor: 'comment' }, '意见或建议（选填）'),
    comment,
    error,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name="satisfaction"]:checked');
    if (!chosen) {
      error.textContent = '请选择满意程度。';
      return;
    }
    submit.disabled = true;
    error.textContent = '';
    const text = comment.value.trim();
    void fetch(`${apiPath}/rating`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ satisfaction: chosen.value, ...(text ? { comment: text } : {}) }),
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    })
      .then(async (res) => {
        if (res.status === 201) return load('感谢您的评价，我们已收到。');
        error.textContent = failure(res.status);
        submit.disabled = false;
        if (res.status === 409) await load();
      })
      .catch(() => {
        error.textContent = failure(0);
        submit.disabled = false;
      });
  });
  return el('section', {}, form);
}

async function load(notice?: string): Promise<void> {
  try {
    const res = await fetch(apiPath, { cache: 'no-store', referrerPolicy: 'no-referrer' });
    if (!res.ok) return show(message(failure(res.status), 'error'));
    render((await res.json()) as Tracked, notice);
  } catch {
    show(message(failure(0), 'error'));
  }
}

async function start(): Promise<void> {
  // The dates are shown in the service's report time zone, as the officials see them.
  try {
    const res = await fetch('/api/v1/meta', { referrerPolicy: 'no-referrer' });
    const meta = res.ok ? ((await res.json()) as { timezone?: unknown }) : {};
    if (typeof meta.timezone === 'string') timeZone = meta.timezone;
  } catch {
    // the default zone
  }
  await load();
}

if (/^[A-Za-z0-9_-]{43}$/.test(token)) void start();
else show(message(failure(404), 'error'));
