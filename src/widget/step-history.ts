// The widget's steps in the browser's history: Back is "vorige stap" (not away from the page, losing everything),
// Forward goes on again, and the page's title says the step. The address stays the same (nothing personal in it).

/** What a history entry of the widget holds: the step and its place among the widget's entries. */
type Entry = { balieStep: string; balieIndex: number };

export class StepHistory {
  private readonly baseTitle = document.title;
  private steps: string[] = [];
  private index = -1;

  constructor(private readonly onStep: (step: string) => void) {}

  private readonly listen = (event: PopStateEvent) => {
    const entry = event.state as Entry | null;
    if (!entry?.balieStep) return;
    this.index = entry.balieIndex;
    this.onStep(entry.balieStep);
  };

  start() {
    window.addEventListener('popstate', this.listen);
  }

  stop() {
    window.removeEventListener('popstate', this.listen);
    document.title = this.baseTitle;
  }

  /** A step shown: a new entry, or the current one replaced (the first step; a step that stands in for one). */
  record(step: string, replace = false) {
    if (this.steps[this.index] === step) return;
    if (replace || this.index < 0) {
      this.index = Math.max(0, this.index);
      this.steps[this.index] = step;
      window.history.replaceState({ balieStep: step, balieIndex: this.index } satisfies Entry, '');
    } else {
      this.steps = [...this.steps.slice(0, this.index + 1), step];
      this.index += 1;
      window.history.pushState({ balieStep: step, balieIndex: this.index } satisfies Entry, '');
    }
  }

  /** Whether `step` is the entry before this one: then going back there is the browser's Back. */
  isPrevious(step: string) {
    return this.index > 0 && this.steps[this.index - 1] === step;
  }

  back() {
    window.history.back();
  }

  /** The page's title: the step first, then the page's own title (no step: the page's own title alone). */
  title(step: string) {
    document.title = step && this.baseTitle ? `${step} - ${this.baseTitle}` : step || this.baseTitle;
  }
}
