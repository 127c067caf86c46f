import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Fold } from '#ui/Fold.tsx';

describe('Fold', () => {
  it('makes its content only once opened, and keeps it when closed again', async () => {
    const make = vi.fn(() => <p>Every stop</p>);
    render(
      <Fold summary="Path map" open={false}>
        {make}
      </Fold>,
    );
    expect(screen.getByText('Path map')).toBeInTheDocument();
    expect(screen.queryByText('Every stop')).toBeNull();
    expect(make).not.toHaveBeenCalled();
    const user = userEvent.setup();
    await user.click(screen.getByText('Path map'));
    expect(await screen.findByText('Every stop')).toBeInTheDocument();
    await user.click(screen.getByText('Path map'));
    expect(screen.getByText('Every stop')).toBeInTheDocument();
    expect(screen.getByText('Path map').closest('details')).not.toHaveAttribute('open');
  });

  it('shows its content at once when it starts open', () => {
    render(
      <Fold summary="Path map" open>
        {() => <p>Every stop</p>}
      </Fold>,
    );
    expect(screen.getByText('Every stop')).toBeVisible();
  });
});
