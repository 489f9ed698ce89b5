"""Provides balanced grouping of a similarity matrix (peer groups of equal size).

Grouping maximises the summed similarity inside groups under the constraint that group
sizes differ by at most one: a deterministic greedy start (far-apart seeds, then each
organisation to the group it fits best) followed by pairwise swaps while they help.
"""

import numpy as np


def group_sizes(count: int, groups: int) -> list[int]:
    """Return balanced group sizes (they differ by at most one), larger groups first."""
    if groups < 1:
        raise ValueError("at least one group is needed")
    if groups > count:
        raise ValueError("more groups than organisations")
    base, extra = divmod(count, groups)
    return [base + 1] * extra + [base] * (groups - extra)


def balanced_groups(sim: np.ndarray, groups: int, max_rounds: int = 0) -> list[list[int]]:
    """Partition indices into `groups` balanced groups with high similarity inside.

    Deterministic: ties are broken by index order, never by chance.
    """
    n = sim.shape[0]
    sizes = group_sizes(n, groups)
    # Seeds far apart: start with the least connected, then the least similar to all seeds.
    seeds = [int(np.argmin(sim.sum(axis=1)))]
    while len(seeds) < groups:
        closeness = sim[:, seeds].max(axis=1)
        closeness[seeds] = np.inf
        seeds.append(int(np.argmin(closeness)))
    label = np.full(n, -1)
    label[seeds] = np.arange(groups)
    members = np.zeros((n, groups))  # members[i, g]: summed similarity of i to group g
    members += sim[:, seeds]
    filled = np.ones(groups, dtype=int)
    # Place the organisations with the clearest preference first.
    order = sorted((i for i in range(n) if label[i] < 0), key=lambda i: (-members[i].max(), i))
    for i in order:
        mean = members[i] / filled
        mean[filled >= np.array(sizes)] = -np.inf
        g = int(np.argmax(mean))
        label[i] = g
        filled[g] += 1
        members[:, g] += sim[:, i]
    # Every round strictly improves the total; the cap only guards against float noise.
    _improve_by_swaps(sim, label, members, max_rounds or 2 * n + 10)
    result = [sorted(np.flatnonzero(label == g).tolist()) for g in range(groups)]
    return sorted(result, key=lambda g: g[0])


def _improve_by_swaps(
    sim: np.ndarray, label: np.ndarray, members: np.ndarray, max_rounds: int
) -> None:
    """Swap pairs of organisations between groups while that raises inner similarity.

    Each round applies the best swaps whose group pairs do not overlap: their gains do
    not affect each other, so several groups improve per O(n²) evaluation.
    """
    n = len(label)
    groups = members.shape[1]
    for _ in range(max_rounds):
        own = members[np.arange(n), label]
        # A swap can only help if one of the two would rather be in the other's group,
        # so only rows of those "unhappy" organisations need evaluating.
        rows = np.flatnonzero((members > own[:, None] + 1e-9).any(axis=1))
        if not rows.size:
            return
        gain = (
            members[rows][:, label]  # similarity of i to j's group
            + members[:, label[rows]].T  # similarity of j to i's group
            - 2 * sim[rows]
            - own[rows][:, None]
            - own[None, :]
        )
        gain[label[rows][:, None] == label[None, :]] = -np.inf
        flat = gain.ravel()
        k = min(flat.size, 8 * groups)
        top = np.argpartition(-flat, k - 1)[:k]
        top = top[np.lexsort((top, -flat[top]))]  # best first, ties by position
        used: set[int] = set()
        for index in top:
            if flat[index] <= 1e-9:
                break
            r, j = divmod(int(index), n)
            i = int(rows[r])
            gi, gj = int(label[i]), int(label[j])
            if gi in used or gj in used:
                continue
            used |= {gi, gj}
            members[:, gi] += sim[:, j] - sim[:, i]
            members[:, gj] += sim[:, i] - sim[:, j]
            label[i], label[j] = gj, gi
        if not used:
            return


def cohesion(sim: np.ndarray, group: list[int]) -> float:
    """Return the mean pairwise similarity inside a group (1.0 for a single member)."""
    if len(group) < 2:
        return 1.0
    block = sim[np.ix_(group, group)]
    return float(block.sum() / (len(group) * (len(group) - 1)))
