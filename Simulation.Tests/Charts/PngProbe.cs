using SkiaSharp;

namespace TrustSim.Tests.Charts;

/// <summary>Decodes a PNG and counts what a reader would see, to tell a drawn chart from a blank one.</summary>
internal sealed class PngProbe
{
    private readonly SKBitmap _bitmap;

    public PngProbe(byte[] png)
    {
        Assert.True(png.Length > 8 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "not a PNG");
        _bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("PNG did not decode");
    }

    public int Width => _bitmap.Width;

    public int Height => _bitmap.Height;

    /// <summary>Pixels darker than mid-grey in a horizontal strip: text is near-black, backgrounds are white.</summary>
    public int DarkPixels(int top, int bottom)
    {
        int count = 0;
        for (int y = Math.Max(0, top); y < Math.Min(_bitmap.Height, bottom); y++)
        {
            for (int x = 0; x < _bitmap.Width; x++)
            {
                SKColor c = _bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 100)
                {
                    count++;
                }
            }
        }
        return count;
    }

    public int DistinctColors() =>
        Enumerable.Range(0, _bitmap.Height).SelectMany(y => Enumerable.Range(0, _bitmap.Width).Select(x => _bitmap.GetPixel(x, y)))
            .Distinct().Count();

    /// <summary>Pixels in a horizontal strip that <paramref name="matches"/> accepts (a fill colour, say).</summary>
    public int Pixels(int top, int bottom, Func<SKColor, bool> matches)
    {
        int count = 0;
        for (int y = Math.Max(0, top); y < Math.Min(_bitmap.Height, bottom); y++)
            for (int x = 0; x < _bitmap.Width; x++)
                if (matches(_bitmap.GetPixel(x, y))) count++;
        return count;
    }
}
