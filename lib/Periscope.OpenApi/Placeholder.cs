namespace Periscope.OpenApi;
