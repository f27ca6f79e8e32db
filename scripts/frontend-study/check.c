/* x86: a design's C twin against study.py's dump (E and exponent of every channel of every frame):
 *   /usr/bin/python3 study.py static tables /tmp/s/static_tables.h && /usr/bin/python3 study.py static dump /tmp/s/dump.txt
 *   gcc -O2 -I/tmp/s check.c static_logmel.c -o /tmp/s/check && /tmp/s/check /tmp/s/dump.txt
 * and for the adaptive design: study.py adaptive dump ..., gcc -DDESIGN=adaptive_logmel ... adaptive_logmel.c. */
#include <stdio.h>
#include <stdint.h>
#ifndef DESIGN
#define DESIGN static_logmel
#endif
void DESIGN(const int16_t *x, int16_t *out, int32_t *energy, int32_t *exponent);
int main(int argc, char **argv)
{
    FILE *f = fopen(argv[1], "r");
    int frames = 0, bad = 0;
    for (;;) {
        int16_t x[400], out[40]; int32_t E[40], ex[40]; int v;
        for (int n = 0; n < 400; n++) { if (fscanf(f, "%d", &v) != 1) goto done; x[n] = (int16_t)v; }
        DESIGN(x, out, E, ex);
        for (int m = 0; m < 40; m++) { long a, b; if (fscanf(f, " %ld:%ld", &a, &b) != 2) return 2; if (a != E[m] || b != ex[m]) bad++; }
        frames++;
    }
done:
    printf("%d frames, %d channel values differ from the numpy emulation\n", frames, bad);
    return bad != 0;
}
