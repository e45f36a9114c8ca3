/* The k best passages of a BM25 query, document at a time with MaxScore pruning.
 *
 * The index's postings are one array of passage numbers (int32, sorted within each term) and one of
 * scores (float64); a frequent term may also have a dense column of its score in every passage. A
 * query is a list of terms in the order every path of bm25.py sums them; a passage's score is summed
 * in that order, so it is the very float of the full sum (a missing term adds nothing; 0 + x is x).
 *
 * First the passages holding the rarest term are scored: the k best give theta, the k-th best score,
 * which a passage must beat to enter. Then MaxScore over the other passages: the most frequent terms
 * whose highest scores sum below theta cannot bring a passage in on their own, so only the other
 * ("essential") terms' postings are walked; the frequent ones are looked up (in their dense column, or
 * by galloping in their postings) for each passage while its bound can still reach theta. A passage
 * equal to the k-th best enters only if it comes first in passage order, as in bm25.py. And block-max: a
 * block of 2**shift passages whose terms' highest scores there (a term's highest overall where it has no
 * column of block maxima) sum below theta is skipped whole.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct {
    int64_t start, pos, end;
    double weight, most;  /* the weight (the term's count in the query) and its highest weighted score */
    const double *dense;  /* its score in every passage (0: not held), or NULL */
    const float *blocks;  /* its highest score in each block of passages (rounded up), or NULL */
    int order;            /* its place in the summation order */
} Term;

typedef struct {
    double score;
    int32_t row;
} Hit;

/* a worse than b: a lower score, or the same score at a later passage */
static int worse(Hit a, Hit b) { return a.score < b.score || (a.score == b.score && a.row > b.row); }

static void sift_down(Hit *heap, Py_ssize_t n, Py_ssize_t i) {
    for (;;) {
        Py_ssize_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && worse(heap[l], heap[m])) m = l;
        if (r < n && worse(heap[r], heap[m])) m = r;
        if (m == i) return;
        Hit t = heap[i];
        heap[i] = heap[m];
        heap[m] = t;
        i = m;
    }
}

static void sift_up(Hit *heap, Py_ssize_t i) {
    while (i > 0) {
        Py_ssize_t p = (i - 1) / 2;
        if (!worse(heap[i], heap[p])) return;
        Hit t = heap[i];
        heap[i] = heap[p];
        heap[p] = t;
        i = p;
    }
}

/* the first posting at or after pos holding a passage >= row (galloping, then binary search) */
static int64_t seek(const int32_t *rows, int64_t pos, int64_t end, int32_t row) {
    if (pos >= end || rows[pos] >= row) return pos;
    int64_t step = 1, lo = pos, hi = pos + 1;
    while (hi < end && rows[hi] < row) {
        lo = hi;
        step <<= 1;
        hi = pos + step;
    }
    if (hi > end) hi = end;
    while (lo + 1 < hi) { /* rows[lo] < row; rows[hi] >= row or hi == end */
        int64_t mid = lo + (hi - lo) / 2;
        if (rows[mid] < row) lo = mid; else hi = mid;
    }
    return hi;
}

/* this term's weighted score in this passage, 0 if it does not hold the term (postings: from t->pos on) */
static double look(const int32_t *rows, const double *scores, Term *t, int32_t row) {
    if (t->dense) return t->dense[row] == 0 ? 0 : t->weight * t->dense[row];
    t->pos = seek(rows, t->pos, t->end, row);
    return t->pos < t->end && rows[t->pos] == row ? t->weight * scores[t->pos] : 0;
}

/* the highest score a passage of this block may have from these terms (a term without block maxima: its
 * highest overall), and from each of them in ``cap`` (if not NULL) */
static double ceiling(const Term *terms, Py_ssize_t m, int64_t block, double *cap) {
    double most = 0;
    for (Py_ssize_t i = 0; i < m; i++) {
        double c = terms[i].blocks ? terms[i].weight * terms[i].blocks[block] : terms[i].most;
        if (cap) cap[i] = c;
        most += c;
    }
    return most;
}

static int64_t blocks_of(int64_t passages, int shift) { return (passages + ((int64_t)1 << shift) - 1) >> shift; }

/* keep a hit if it is among the k best so far; returns whether theta may have risen */
static int keep(Hit *heap, Py_ssize_t *held, Py_ssize_t k, Hit hit) {
    if (*held < k) {
        heap[*held] = hit;
        sift_up(heap, (*held)++);
        return *held == k;
    }
    if (!worse(heap[0], hit)) return 0;
    heap[0] = hit;
    sift_down(heap, k, 0);
    return 1;
}

/* more postings first: the most frequent terms are the first to be left out of the walk */
static int by_postings(const void *a, const void *b) {
    int64_t x = ((const Term *)a)->end - ((const Term *)a)->pos, y = ((const Term *)b)->end - ((const Term *)b)->pos;
    return (x < y) - (x > y);
}

static int by_rank(const void *a, const void *b) {
    Hit x = *(const Hit *)a, y = *(const Hit *)b;
    return worse(y, x) ? -1 : worse(x, y) ? 1 : 0;
}

/* top_k(rows, scores, terms, k, mask, shift, passages) -> [(passage, score)], best first.
 * terms: a sequence of (start, end, weight, highest weighted score, dense column or None, block maxima or
 * None) in the summation order (a dense column: float64, one per passage; block maxima: float32, one
 * per block of 2**shift passages); mask: None or a buffer of one byte per passage (0: left out). */
static PyObject *top_k(PyObject *self, PyObject *args) {
    PyObject *rows_obj, *scores_obj, *terms_obj, *mask_obj;
    Py_ssize_t k, passages;
    int shift;
    if (!PyArg_ParseTuple(args, "OOOnOin", &rows_obj, &scores_obj, &terms_obj, &k, &mask_obj, &shift, &passages))
        return NULL;
    if (shift < 0 || shift > 30) {
        PyErr_SetString(PyExc_ValueError, "blocks of 2**shift passages: shift out of range");
        return NULL;
    }
    if (k > passages) k = passages; /* (no more hits than passages) */
    PyObject *seq = PySequence_Fast(terms_obj, "terms must be a sequence");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (k <= 0 || n == 0) {
        Py_DECREF(seq);
        return PyList_New(0);
    }
    /* buffers[0]: rows, [1]: scores, [2]: mask, [3...]: dense columns and block maxima */
    Py_buffer *buffers = PyMem_Calloc(2 * n + 3, sizeof(Py_buffer));
    Py_ssize_t n_buffers = 0;
    Term *terms = PyMem_Calloc(n, sizeof(Term));
    double *bound = PyMem_Calloc(n, sizeof(double)); /* bound[i]: the highest scores of terms 0..i summed */
    double *part = PyMem_Calloc(n, sizeof(double));  /* a passage's weighted score of each term, by order */
    double *cap = PyMem_Calloc(n, sizeof(double));   /* the highest each term may add in a passage's block */
    Hit *heap = PyMem_Calloc(k, sizeof(Hit));
    PyObject *result = NULL;
    if (!buffers || !terms || !bound || !part || !cap || !heap) {
        PyErr_NoMemory();
        goto done;
    }
    PyObject *arrays[3] = {rows_obj, scores_obj, mask_obj};
    for (int i = 0; i < 3; i++) {
        if (arrays[i] == Py_None) continue;
        if (PyObject_GetBuffer(arrays[i], &buffers[i], PyBUF_C_CONTIGUOUS) < 0) goto done;
        n_buffers = i + 1;
    }
    int64_t postings = buffers[0].len / (Py_ssize_t)sizeof(int32_t);
    if (buffers[1].len != postings * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "rows and scores differ in length");
        goto done;
    }
    const int32_t *rows = buffers[0].buf;
    const double *scores = buffers[1].buf;
    const unsigned char *mask = mask_obj == Py_None ? NULL : buffers[2].buf;
    Py_ssize_t mask_len = mask ? buffers[2].len : 0;
    n_buffers = 3;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PySequence_Fast_GET_ITEM(seq, i);
        long long start, end;
        double weight, most;
        PyObject *column, *maxima;
        if (!PyArg_ParseTuple(t, "LLddOO", &start, &end, &weight, &most, &column, &maxima)) goto done;
        if (start < 0 || end < start || end > postings) {
            PyErr_SetString(PyExc_ValueError, "a term's postings lie outside the index");
            goto done;
        }
        const double *dense = NULL;
        if (column != Py_None) {
            if (PyObject_GetBuffer(column, &buffers[n_buffers], PyBUF_C_CONTIGUOUS) < 0) goto done;
            dense = buffers[n_buffers].buf;
            if (buffers[n_buffers++].len / (Py_ssize_t)sizeof(double) < passages) {
                PyErr_SetString(PyExc_ValueError, "a term's dense column is shorter than the passages");
                goto done;
            }
        }
        const float *blocks = NULL;
        if (maxima != Py_None) {
            if (PyObject_GetBuffer(maxima, &buffers[n_buffers], PyBUF_C_CONTIGUOUS) < 0) goto done;
            blocks = buffers[n_buffers].buf;
            if (buffers[n_buffers++].len / (Py_ssize_t)sizeof(float) < blocks_of(passages, shift)) {
                PyErr_SetString(PyExc_ValueError, "a term's block maxima are fewer than the blocks");
                goto done;
            }
        }
        terms[i] = (Term){start, start, end, weight, most, dense, blocks, (int)i};
    }
    Py_ssize_t held = 0;
    Py_BEGIN_ALLOW_THREADS;
    qsort(terms, n, sizeof(Term), by_postings);
    /* the rarest term, if it is in at most a quarter of the passages (else the block bounds do better) */
    Term *rare = (terms[n - 1].end - terms[n - 1].start) * 4 <= passages ? &terms[n - 1] : NULL;
    Py_ssize_t m = rare ? n - 1 : n; /* the terms of step 2 */
    double theta = 0, margin = 0;
#define RAISE_THETA()                                                                                        \
    if (held == k) {                                                                                         \
        theta = heap[0].score;                                                                               \
        margin = 1e-9 * (theta < 0 ? -theta : theta) + 1e-12; /* the rounding of sums in another order */ \
    }
    double sum = 0;
    for (Py_ssize_t i = 0; i < m; i++) bound[i] = sum += terms[i].most;
    /* 1. every passage holding the rarest term (the others looked up, rarer first, while it may enter) */
    for (int64_t p = rare ? rare->start : 0; rare && p < rare->end; p++) {
        int32_t row = rows[p];
        if (mask && (row >= mask_len || !mask[row])) continue;
        double upper = part[rare->order] = rare->weight * scores[p];
        double rest = held == k ? ceiling(terms, m, row >> shift, cap) : 0; /* what the terms left may add */
        Py_ssize_t i = m - 1;
        for (; i >= 0 && !(held == k && upper + rest < theta - margin); i--) {
            upper += part[terms[i].order] = look(rows, scores, &terms[i], row);
            rest -= cap[i];
        }
        if (i >= 0) continue;
        double score = 0;
        for (Py_ssize_t o = 0; o < n; o++) score += part[o];
        if (score != 0 && keep(heap, &held, k, (Hit){score, row})) RAISE_THETA();
    }
    /* 2. the others, by MaxScore over the other terms (a passage holding the rarest term is done) */
    Py_ssize_t first = 0; /* terms[first:m] are essential */
    for (Py_ssize_t i = 0; i < m; i++) terms[i].pos = terms[i].start;
    while (held == k && first < m && bound[first] < theta - margin) first++;
    for (;;) {
        int32_t row = INT32_MAX;
        for (Py_ssize_t i = first; i < m; i++)
            if (terms[i].pos < terms[i].end && rows[terms[i].pos] < row) row = rows[terms[i].pos];
        if (row == INT32_MAX) break;
        if (held == k && ceiling(terms, m, row >> shift, cap) < theta - margin) {
            int64_t block = (row >> shift) + 1, blocks = blocks_of(passages, shift);
            while (block < blocks && ceiling(terms, m, block, NULL) < theta - margin) block++;
            int64_t next = block << shift;
            int32_t to = next > INT32_MAX ? INT32_MAX : (int32_t)next;
            for (Py_ssize_t i = first; i < m; i++) terms[i].pos = seek(rows, terms[i].pos, terms[i].end, to);
            continue;
        }
        double upper = 0;
        for (Py_ssize_t o = 0; o < n; o++) part[o] = 0;
        for (Py_ssize_t i = first; i < m; i++) {
            Term *t = &terms[i];
            if (t->pos < t->end && rows[t->pos] == row) upper += part[t->order] = t->weight * scores[t->pos++];
        }
        if (mask && (row >= mask_len || !mask[row])) continue;
        if (rare && (rare->pos = seek(rows, rare->pos, rare->end, row)) < rare->end && rows[rare->pos] == row)
            continue;
        double rest = 0; /* what the terms left may add (known once k passages are held) */
        for (Py_ssize_t i = 0; i < first && held == k; i++) rest += cap[i];
        Py_ssize_t i = first - 1;
        for (; i >= 0 && !(held == k && upper + rest < theta - margin); i--) {
            upper += part[terms[i].order] = look(rows, scores, &terms[i], row);
            rest -= cap[i];
        }
        if (i >= 0) continue;
        double score = 0;
        for (Py_ssize_t o = 0; o < n; o++) score += part[o];
        if (score != 0 && keep(heap, &held, k, (Hit){score, row})) {
            RAISE_THETA();
            while (held == k && first < m && bound[first] < theta - margin) first++;
        }
    }
#undef RAISE_THETA
    qsort(heap, held, sizeof(Hit), by_rank);
    Py_END_ALLOW_THREADS;
    result = PyList_New(held);
    if (!result) goto done;
    for (Py_ssize_t i = 0; i < held; i++) {
        PyObject *pair = Py_BuildValue("(id)", (int)heap[i].row, heap[i].score);
        if (!pair) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, i, pair);
    }
done:
    for (Py_ssize_t i = 0; i < n_buffers; i++)
        if (buffers[i].obj) PyBuffer_Release(&buffers[i]);
    PyMem_Free(buffers);
    PyMem_Free(terms);
    PyMem_Free(bound);
    PyMem_Free(part);
    PyMem_Free(cap);
    PyMem_Free(heap);
    Py_DECREF(seq);
    return result;
}

static PyMethodDef methods[] = {
    {"top_k", top_k, METH_VARARGS, "The k best passages of a query, best first, as (passage, score)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_topk", "BM25 top k by MaxScore.", -1, methods};

PyMODINIT_FUNC PyInit__topk(void) { return PyModule_Create(&module); }
