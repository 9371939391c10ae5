namespace Periscope.EndToEnd.Tests;
