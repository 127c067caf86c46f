import { useState, type ReactNode } from 'react';

/**
 * A `<details>` whose content is made only once it is opened (and kept after): a folded part of a screen
 * (a year's 125-stop path map, every target's reasons) costs nothing while the screen opens. `open` is
 * where it starts; the summary always shows.
 */
export function Fold(props: { summary: ReactNode; open: boolean; className?: string; children: () => ReactNode }) {
  const [opened, setOpened] = useState(props.open);
  return (
    <details
      className={props.className}
      open={props.open}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{props.summary}</summary>
      {opened ? props.children() : null}
    </details>
  );
}
