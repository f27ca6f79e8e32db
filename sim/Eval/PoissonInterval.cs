using System;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// The exact (Garwood) 95 % interval of a Poisson mean from one count k: the lower end is the
    /// mean at which P(X ≥ k) = 2.5 % (0 for k = 0), the upper the mean at which P(X ≤ k) = 2.5 %.
    /// Found by bisection on the Poisson distribution function, summed in log space.
    /// </summary>
    public static class PoissonInterval
    {
        private const double Tail = 0.025;

        /// <summary>(low, high) of the count's mean.</summary>
        public static (double Low, double High) Of95(int count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            double low = count == 0 ? 0 : Solve(mean => 1 - Cdf(count - 1, mean), Tail, count);
            double high = Solve(mean => 1 - Cdf(count, mean), 1 - Tail, count);
            return (low, high);
        }

        /// <summary>P(X ≤ k) for a Poisson mean.</summary>
        public static double Cdf(int k, double mean)
        {
            if (k < 0) return 0;
            if (mean <= 0) return 1;
            // Terms e^-m m^i / i!, summed from the largest log term down for accuracy.
            double logTerm = -mean, sum = 0, max = double.NegativeInfinity;
            var logs = new double[k + 1];
            for (int i = 0; i <= k; i++)
            {
                if (i > 0) logTerm += Math.Log(mean) - Math.Log(i);
                logs[i] = logTerm;
                if (logTerm > max) max = logTerm;
            }
            foreach (double l in logs) sum += Math.Exp(l - max);
            return Math.Min(1, Math.Exp(max + Math.Log(sum)));
        }

        // The mean at which the increasing function f reaches target.
        private static double Solve(Func<double, double> f, double target, int count)
        {
            double lo = 0, hi = Math.Max(10, 3.0 * count + 20);
            while (f(hi) < target) hi *= 2;
            for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.Max(1, hi); i++)
            {
                double mid = (lo + hi) / 2;
                if (f(mid) < target) lo = mid;
                else hi = mid;
            }
            return (lo + hi) / 2;
        }
    }
}
