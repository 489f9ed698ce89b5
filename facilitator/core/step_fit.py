"""Provides the method steps fitted to a block's planned minutes (shortened or extended).

A card plans its steps for its own length; when the block is cut to 30 minutes, the
run sheet and the run screen show the same steps in proportion, ending with the block.
"""


def fit_minutes(card_minutes: list[int], planned: int) -> list[int]:
    """Return the steps' minutes scaled to `planned`, whole minutes summing to `planned`.

    Largest remainders get the spare minutes; every step keeps at least one minute
    while there are enough (a 3-minute block for 5 steps gives some steps 0).
    """
    total = sum(card_minutes)
    if not card_minutes or total <= 0 or planned <= 0:
        return list(card_minutes)
    exact = [m * planned / total for m in card_minutes]
    fitted = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: -(exact[i] - fitted[i]))
    for i in by_remainder[: planned - sum(fitted)]:
        fitted[i] += 1
    # a step that rounded to 0 borrows a minute from the longest, while that keeps two
    for i, minutes in enumerate(fitted):
        if minutes == 0:
            longest = max(range(len(fitted)), key=lambda j: fitted[j])
            if fitted[longest] > 1:
                fitted[longest] -= 1
                fitted[i] = 1
    return fitted
