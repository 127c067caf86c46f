import { render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useFirstItemsFirst } from '#ui/useFirstItemsFirst.ts';

function List(props: { items: readonly string[]; first: number; step?: number }) {
  const shown = useFirstItemsFirst(props.items, props.first, props.step);
  return (
    <ol aria-label="Items">
      {shown.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ol>
  );
}

const items = (count: number, prefix = 'item') => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);
const shownItems = () => screen.getAllByRole('listitem').map((li) => li.textContent);

describe('useFirstItemsFirst', () => {
  it('renders the first items at once, then every item in order', async () => {
    render(<List items={items(50)} first={12} step={10} />);
    expect(shownItems()).toEqual(items(12));
    await waitFor(() => expect(shownItems()).toEqual(items(50)));
  });

  it('renders a short list whole from the start', () => {
    render(<List items={items(5)} first={12} />);
    expect(shownItems()).toEqual(items(5));
  });

  it('follows a list that changes: new items, fewer items, longer again', async () => {
    function Changing() {
      const [list, setList] = useState(items(30, 'a'));
      return (
        <>
          <button onClick={() => setList(items(3, 'b'))}>short</button>
          <button onClick={() => setList(items(40, 'c'))}>long</button>
          <List items={list} first={12} />
        </>
      );
    }
    const user = userEvent.setup();
    render(<Changing />);
    await waitFor(() => expect(shownItems()).toEqual(items(30, 'a')));
    await user.click(screen.getByRole('button', { name: 'short' }));
    expect(shownItems()).toEqual(items(3, 'b'));
    await user.click(screen.getByRole('button', { name: 'long' }));
    await waitFor(() => expect(shownItems()).toEqual(items(40, 'c')));
  });
});
