/* jieba's accurate mode without HMM, for one block of text jieba's block pattern matched.
 *
 * The very algorithm of jieba's Tokenizer.__cut_DAG_NO_HMM, in C: for each position, the ends of the
 * dictionary words starting there (a prefix with frequency 0 extends the search but is no word; a
 * position with no word is a one-character word), then the most probable route from the end backwards,
 * log(freq or 1) - log(total) + the route after it, ties going to the longer word (Python compares
 * the (score, end) tuples), and last the words, with runs of single ASCII letters and digits joined.
 * The same doubles are added in the same order with the same libm log, so the words are jieba's.
 * The dictionary is jieba's own FREQ dict, read in place.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdlib.h>

typedef struct {
    Py_ssize_t end;  /* the word's last character */
    double logfreq;  /* log(freq or 1) */
} Edge;

static int ascii_alnum(Py_UCS4 c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* freq[text[k:i+1]] as a new reference, or NULL with no error when absent (NULL with an error on failure) */
static PyObject *lookup(PyObject *freq, PyObject *text, Py_ssize_t k, Py_ssize_t i) {
    PyObject *frag = PyUnicode_Substring(text, k, i + 1);
    if (frag == NULL) return NULL;
    PyObject *value = PyDict_GetItemWithError(freq, frag);
    Py_DECREF(frag);
    Py_XINCREF(value);
    return value;
}

/* edges[*used] = (end, logfreq), growing the array when full; -1 with MemoryError set on failure */
static int add_edge(Edge **edges, Py_ssize_t *cap, Py_ssize_t *used, Py_ssize_t end, double logfreq) {
    if (*used == *cap) {
        Edge *grown = realloc(*edges, 2 * *cap * sizeof(Edge));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        *edges = grown;
        *cap *= 2;
    }
    (*edges)[*used].end = end;
    (*edges)[*used].logfreq = logfreq;
    (*used)++;
    return 0;
}

/* words.append(text[a:b]); -1 with an error set on failure */
static int append_slice(PyObject *words, PyObject *text, Py_ssize_t a, Py_ssize_t b) {
    PyObject *word = PyUnicode_Substring(text, a, b);
    if (word == NULL) return -1;
    int failed = PyList_Append(words, word);
    Py_DECREF(word);
    return failed;
}

static PyObject *cut_block(PyObject *self, PyObject *args) {
    PyObject *text, *freq;
    double logtotal;
    if (!PyArg_ParseTuple(args, "UO!d", &text, &PyDict_Type, &freq, &logtotal)) return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *words = PyList_New(0);
    if (words == NULL || n == 0) return words;

    Py_ssize_t *first = malloc((n + 1) * sizeof(Py_ssize_t));  /* edges of position k: first[k]..first[k+1] */
    Py_ssize_t cap = 2 * n + 16, used = 0;
    Edge *edges = malloc(cap * sizeof(Edge));
    double *route = malloc((n + 1) * sizeof(double));
    Py_ssize_t *next = malloc((n + 1) * sizeof(Py_ssize_t));
    if (!first || !edges || !route || !next) {
        PyErr_NoMemory();
        goto fail;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        first[k] = used;
        for (Py_ssize_t i = k; i < n; i++) {
            PyObject *value = lookup(freq, text, k, i);
            if (value == NULL) {
                if (PyErr_Occurred()) goto fail;
                break;
            }
            int truthy = PyObject_IsTrue(value);
            double f = truthy > 0 ? PyFloat_AsDouble(value) : 0.0;
            Py_DECREF(value);
            if (truthy < 0 || (f == -1.0 && PyErr_Occurred())) goto fail;
            if (truthy && add_edge(&edges, &cap, &used, i, log(f)) < 0) goto fail;
        }
        /* no word starts here: the character alone, log(freq.get(c) or 1) */
        if (used == first[k] && add_edge(&edges, &cap, &used, k, 0.0) < 0) goto fail;
    }
    first[n] = used;
    route[n] = 0.0;
    for (Py_ssize_t k = n - 1; k >= 0; k--) {
        double best = 0.0;
        Py_ssize_t best_end = -1;
        for (Py_ssize_t e = first[k]; e < first[k + 1]; e++) { /* ends ascending: >= keeps the longest tie */
            double score = edges[e].logfreq - logtotal + route[edges[e].end + 1];
            if (best_end < 0 || score >= best) {
                best = score;
                best_end = edges[e].end;
            }
        }
        route[k] = best;
        next[k] = best_end + 1;
    }
    Py_ssize_t buf = -1; /* start of a run of single ASCII letters and digits */
    for (Py_ssize_t x = 0; x < n; x = next[x]) {
        Py_ssize_t y = next[x];
        if (y == x + 1 && ascii_alnum(PyUnicode_READ_CHAR(text, x))) {
            if (buf < 0) buf = x;
            continue;
        }
        if (buf >= 0 && append_slice(words, text, buf, x) < 0) goto fail;
        buf = -1;
        if (append_slice(words, text, x, y) < 0) goto fail;
    }
    if (buf >= 0 && append_slice(words, text, buf, n) < 0) goto fail;
    goto done;
fail:
    Py_CLEAR(words);
done:
    free(first);
    free(edges);
    free(route);
    free(next);
    return words;
}

static PyMethodDef methods[] = {
    {"cut_block", cut_block, METH_VARARGS,
     "cut_block(text, freq, logtotal) -> list of str: jieba's words of one block, accurate mode, no HMM"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_segment", NULL, -1, methods};

PyMODINIT_FUNC PyInit__segment(void) { return PyModule_Create(&module); }
