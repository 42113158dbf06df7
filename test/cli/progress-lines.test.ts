import { ProgressLines } from '../../src/cli/progress-lines';

describe('ProgressLines', () => {
  test('prints a line only when the interval has passed since the last one, with the elapsed seconds', () => {
    // GIVEN a clock the test moves
    let now = 1000;
    const printed: string[] = [];
    const lines = new ProgressLines((line) => printed.push(line), (done, total, elapsed) => `${done}/${total} after ${elapsed} s`, () => now, 5000);

    // WHEN
    lines.update(1, 10);
    now += 4999;
    lines.update(2, 10);
    now += 1;
    lines.update(3, 10);
    now += 3000;
    lines.update(4, 10);
    now += 2000;
    lines.update(5, 10);

    // THEN
    expect(printed).toEqual(['3/10 after 5 s', '5/10 after 10 s']);
  });
});
