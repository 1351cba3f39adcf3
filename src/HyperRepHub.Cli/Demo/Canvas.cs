namespace HyperRepHub.Cli.Demo;

/// <summary>An RGB colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb White { get; } = new(255, 255, 255);
    public static Rgb Black { get; } = new(0, 0, 0);
    public static Rgb Grey { get; } = new(200, 200, 200);

    /// <summary>Colours for series, distinguishable in print.</summary>
    public static IReadOnlyList<Rgb> Palette { get; } =
    [
        new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189),
        new(140, 86, 75), new(227, 119, 194), new(127, 127, 127), new(188, 189, 34), new(23, 190, 207),
    ];
}

/// <summary>A white RGB pixel buffer with the few drawing primitives the demo's plots need.</summary>
public sealed class Canvas
{
    private readonly byte[] _pixels;

    public Canvas(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _pixels = new byte[width * height * 3];
        Array.Fill(_pixels, (byte)255);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Sets one pixel; coordinates outside the canvas are ignored.</summary>
    public void Set(int x, int y, Rgb colour)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height)
        {
            return;
        }

        var offset = ((y * Width) + x) * 3;
        _pixels[offset] = colour.R;
        _pixels[offset + 1] = colour.G;
        _pixels[offset + 2] = colour.B;
    }

    /// <summary>Returns the colour of one pixel.</summary>
    public Rgb Get(int x, int y)
    {
        var offset = ((y * Width) + x) * 3;
        return new Rgb(_pixels[offset], _pixels[offset + 1], _pixels[offset + 2]);
    }

    /// <summary>Fills the rectangle from (x0, y0) to (x1, y1), both corners included, in any order.</summary>
    public void FillRect(int x0, int y0, int x1, int y1, Rgb colour)
    {
        for (var y = Math.Min(y0, y1); y <= Math.Max(y0, y1); y++)
        {
            for (var x = Math.Min(x0, x1); x <= Math.Max(x0, x1); x++)
            {
                Set(x, y, colour);
            }
        }
    }

    /// <summary>Draws a one-pixel line (Bresenham).</summary>
    public void Line(int x0, int y0, int x1, int y1, Rgb colour)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        var error = dx + dy;
        while (true)
        {
            Set(x0, y0, colour);
            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            var doubled = 2 * error;
            if (doubled >= dy)
            {
                error += dy;
                x0 += sx;
            }

            if (doubled <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }

    /// <summary>Draws a filled disc of <paramref name="radius"/> pixels.</summary>
    public void Dot(int cx, int cy, int radius, Rgb colour)
    {
        for (var y = -radius; y <= radius; y++)
        {
            for (var x = -radius; x <= radius; x++)
            {
                if ((x * x) + (y * y) <= radius * radius)
                {
                    Set(cx + x, cy + y, colour);
                }
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> with its top-left corner at (x, y), each font pixel
    /// <paramref name="scale"/> pixels wide.</summary>
    public void Text(int x, int y, string text, Rgb colour, int scale = 2)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var left = x + (i * (PixelFont.Width + 1) * scale);
            for (var row = 0; row < PixelFont.Height; row++)
            {
                for (var column = 0; column < PixelFont.Width; column++)
                {
                    if (PixelFont.IsInk(text[i], column, row))
                    {
                        FillRect(left + (column * scale), y + (row * scale),
                            left + (column * scale) + scale - 1, y + (row * scale) + scale - 1, colour);
                    }
                }
            }
        }
    }

    /// <summary>Width in pixels of <paramref name="text"/> at <paramref name="scale"/>.</summary>
    public static int TextWidth(string text, int scale = 2) => text.Length * (PixelFont.Width + 1) * scale;

    /// <summary>Encodes the canvas as PNG.</summary>
    public byte[] ToPng() => PngEncoder.Encode(Width, Height, _pixels);
}
