using System.Globalization;
using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Demo;

/// <summary>The demo's two figures: accuracy distributions per method, and the latent space in 2-D.</summary>
public static class DemoPlots
{
    private const int Margin = 60;

    /// <summary>
    /// Box plots of test accuracy per row, epoch 0 (left box) and epoch 1 (right box): whiskers 5% to 95%, box 25% to
    /// 75%, a black median line. Rows without quantiles fall back to min, mean ± std and max.
    /// </summary>
    public static Canvas AccuracyBoxes(IReadOnlyList<DemoRow> rows)
    {
        var canvas = new Canvas(Math.Max(480, (Margin * 2) + (rows.Count * 90)), 420);
        var bottom = canvas.Height - Margin;
        var top = Margin / 2;
        DrawAccuracyAxis(canvas, top, bottom);
        for (var i = 0; i < rows.Count; i++)
        {
            var left = Margin + 20 + (i * 90);
            DrawBox(canvas, rows[i].Epoch0, left, top, bottom, Rgb.Palette[0]);
            DrawBox(canvas, rows[i].Epoch1, left + 30, top, bottom, Rgb.Palette[1]);
            canvas.Text(left, bottom + 8, Shorten(rows[i].Label), Rgb.Black, 1);
        }

        canvas.Text(Margin, canvas.Height - 22, "BLUE: EPOCH 0   ORANGE: EPOCH 1   (TEST ACCURACY)", Rgb.Black, 2);
        return canvas;
    }

    /// <summary>A scatter of the 2-D projection, one colour per zoo, marker size growing with accuracy.</summary>
    public static Canvas Latent(IReadOnlyList<LatentPoint> points)
    {
        var canvas = new Canvas(520, 520);
        var zoos = points.Select(p => p.ZooId).Distinct().ToList();
        var (minX, maxX) = Range(points.Select(p => p.X));
        var (minY, maxY) = Range(points.Select(p => p.Y));
        var size = canvas.Width - (2 * Margin);
        canvas.Line(Margin, Margin, Margin, Margin + size, Rgb.Black);
        canvas.Line(Margin, Margin + size, Margin + size, Margin + size, Rgb.Black);
        foreach (var point in points)
        {
            var x = Margin + (int)((point.X - minX) / (maxX - minX) * size);
            var y = Margin + size - (int)((point.Y - minY) / (maxY - minY) * size);
            var radius = point.TestAccuracy < 0 ? 2 : 2 + (int)Math.Round(point.TestAccuracy * 4);
            canvas.Dot(x, y, radius, Rgb.Palette[zoos.IndexOf(point.ZooId) % Rgb.Palette.Count]);
        }

        canvas.Text(Margin, 20, "LATENT SPACE: PC1 VS PC2 (SIZE = ACCURACY)", Rgb.Black, 2);
        for (var i = 0; i < zoos.Count; i++)
        {
            // One line per zoo: ids are long enough to run into each other side by side.
            canvas.Text(Margin, canvas.Height - 44 + (i * 16), zoos[i], Rgb.Palette[i % Rgb.Palette.Count], 2);
        }

        return canvas;
    }

    private static void DrawAccuracyAxis(Canvas canvas, int top, int bottom)
    {
        canvas.Line(Margin, top, Margin, bottom, Rgb.Black);
        for (var tick = 0; tick <= 10; tick += 2)
        {
            var y = bottom - ((bottom - top) * tick / 10);
            canvas.Line(Margin + 1, y, canvas.Width - 10, y, Rgb.Grey);
            canvas.Text(8, y - 5, string.Create(CultureInfo.InvariantCulture, $"{tick * 10}%"), Rgb.Black, 2);
        }
    }

    private static void DrawBox(Canvas canvas, AccuracySummaryInfo? summary, int left, int top, int bottom, Rgb colour)
    {
        if (summary is null)
        {
            return;
        }

        int Y(double accuracy) => bottom - (int)Math.Round(Math.Clamp(accuracy, 0, 1) * (bottom - top));
        var low = double.IsNaN(summary.Q05) ? summary.Min : summary.Q05;
        var high = double.IsNaN(summary.Q95) ? summary.Max : summary.Q95;
        var boxLow = double.IsNaN(summary.Q25) ? summary.Mean - summary.Std : summary.Q25;
        var boxHigh = double.IsNaN(summary.Q75) ? summary.Mean + summary.Std : summary.Q75;
        var middle = left + 12;
        canvas.Line(middle, Y(low), middle, Y(high), Rgb.Black);
        canvas.FillRect(left, Y(boxHigh), left + 24, Y(boxLow), colour);
        canvas.Line(left, Y(summary.Median), left + 24, Y(summary.Median), Rgb.Black);
    }

    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var list = values.DefaultIfEmpty(0).ToList();
        var (min, max) = (list.Min(), list.Max());
        return max - min < 1e-12 ? (min - 1, max + 1) : (min, max);
    }

    private static string Shorten(string label) => label.Length <= 21 ? label : label[..21];
}
