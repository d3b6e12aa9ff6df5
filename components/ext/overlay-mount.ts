// The overlay's one shadow-root host on the page (<gov-report-audit>), created on the first draw
// and removed with the engine: the page's own elements are never wrapped or restyled.
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Audit } from '../../lib/audit';
import { Overlay, type OverlayHandle } from '../overlay/Overlay';
import { OVERLAY_CSS } from '../overlay/styles';
import type { Settings } from './settings-model';

export const HOST_NAME = 'gov-report-audit';

export interface OverlayMount {
  /** Draw an audit's markers; `onAttachment` puts "审核附件" on the chip. */
  draw(a: Audit, s: Settings, onAttachment?: () => void): Promise<void>;
  remove(): void;
  /** Scroll to a finding and pulse its marker; false when nothing is drawn. */
  reveal(index: number): boolean;
  /** Whether a node is ours (the host or inside it): our own drawing is not a page change. */
  owns(n: Node): boolean;
}

export function mountOverlay(ctx: ContentScriptContext): OverlayMount {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let handle: OverlayHandle | null = null;
  return {
    async draw(a, s, onAttachment) {
      if (!ui) {
        ui = await createShadowRootUi(ctx, {
          name: HOST_NAME,
          position: 'inline',
          anchor: 'body',
          append: 'last',
          css: OVERLAY_CSS,
          onMount: (container) => container,
          onRemove: (container) => container && render(null, container),
        });
        ui.mount();
      }
      const props = {
        result: a.result,
        refs: a.refs,
        locale: s.locale,
        minSeverity: s.minSeverity,
        bind: (x: OverlayHandle) => (handle = x),
        onAttachment,
      };
      render(h(Overlay, props), ui.uiContainer);
    },
    remove() {
      ui?.remove();
      ui = null;
      handle = null;
    },
    reveal(index) {
      handle?.reveal(index);
      return !!handle;
    },
    owns: (n) => !!ui && (n === ui.shadowHost || ui.shadowHost.contains(n)),
  };
}
